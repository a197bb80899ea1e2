"""The explicit list of rules. Codes never change meaning; a retired rule's
code is never reused."""

from __future__ import annotations

from .base import Rule

__all__ = ["rule_classes", "resolve"]


def rule_classes() -> tuple[type[Rule], ...]:
    from .backend_with_dynamic_values import BackendWithDynamicValues
    from .hardcoded_environment_tag import HardcodedEnvironmentTag
    from .iam_role_managed_policy_arns import IamRoleManagedPolicyArns
    from .s3_lifecycle_rule_without_filter import S3LifecycleRuleWithoutFilter

    return (
        HardcodedEnvironmentTag,
        S3LifecycleRuleWithoutFilter,
        BackendWithDynamicValues,
        IamRoleManagedPolicyArns,
    )


def resolve(key: str) -> type[Rule]:
    """The rule with this code (``TFX101``) or name (``hardcoded-environment-tag``)."""
    wanted = key.strip()
    for cls in rule_classes():
        if wanted.upper() == cls.code or wanted.lower() == cls.name:
            return cls
    raise ValueError(f"unknown rule {key!r} (see `tffix rules`)")
