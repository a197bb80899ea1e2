"""The explicit list of rules. Codes never change meaning; a retired rule's
code is never reused."""

from __future__ import annotations

from .base import Rule

__all__ = ["resolve", "rule_classes", "selection"]


def rule_classes() -> tuple[type[Rule], ...]:
    from .aurora_serverless_v2_misconfiguration import AuroraServerlessV2Misconfiguration
    from .backend_with_dynamic_values import BackendWithDynamicValues
    from .count_and_for_each import CountAndForEach
    from .destroy_blocking_database_settings import DestroyBlockingDatabaseSettings
    from .for_each_over_list import ForEachOverList
    from .hardcoded_ami_id import HardcodedAmiId
    from .hardcoded_environment_tag import HardcodedEnvironmentTag
    from .hardcoded_resource_name import HardcodedResourceName
    from .iam_policy_without_document import IamPolicyWithoutDocument
    from .iam_role_managed_policy_arns import IamRoleManagedPolicyArns
    from .iam_role_object_reference import IamRoleObjectReference
    from .instance_key_mismatch import InstanceKeyMismatch
    from .interpolation_only_expression import InterpolationOnlyExpression
    from .lambda_package_outside_terraform import LambdaPackageOutsideTerraform
    from .legacy_type_constraint import LegacyTypeConstraint
    from .module_call_mismatch import ModuleCallMismatch
    from .non_production_cost import NonProductionCost
    from .open_ingress import OpenIngress
    from .placeholder_value import PlaceholderValue
    from .public_lambda_function_url import PublicLambdaFunctionUrl
    from .rds_password_forbidden_characters import RdsPasswordForbiddenCharacters
    from .s3_lifecycle_rule_without_filter import S3LifecycleRuleWithoutFilter
    from .timestamp_in_resource_argument import TimestampInResourceArgument
    from .undeclared_reference import UndeclaredReference
    from .undeclared_variable import UndeclaredVariable
    from .unused_suppression import UnusedSuppression
    from .user_data_base64encode import UserDataBase64encode
    from .version_on_local_module import VersionOnLocalModule
    from .wildcard_log_write_permissions import WildcardLogWritePermissions

    return (
        UnusedSuppression,
        HardcodedEnvironmentTag,
        S3LifecycleRuleWithoutFilter,
        BackendWithDynamicValues,
        IamRoleManagedPolicyArns,
        DestroyBlockingDatabaseSettings,
        UserDataBase64encode,
        IamPolicyWithoutDocument,
        IamRoleObjectReference,
        TimestampInResourceArgument,
        AuroraServerlessV2Misconfiguration,
        PublicLambdaFunctionUrl,
        RdsPasswordForbiddenCharacters,
        InterpolationOnlyExpression,
        LegacyTypeConstraint,
        LambdaPackageOutsideTerraform,
        WildcardLogWritePermissions,
        HardcodedResourceName,
        NonProductionCost,
        OpenIngress,
        PlaceholderValue,
        HardcodedAmiId,
        UndeclaredVariable,
        UndeclaredReference,
        ModuleCallMismatch,
        VersionOnLocalModule,
        ForEachOverList,
        CountAndForEach,
        InstanceKeyMismatch,
    )


def resolve(key: str) -> type[Rule]:
    """The rule with this code (``TFX101``) or name (``hardcoded-environment-tag``)."""
    wanted = key.strip()
    for cls in rule_classes():
        if wanted.upper() == cls.code or wanted.lower() == cls.name:
            return cls
    raise ValueError(f"unknown rule {key!r} (see `tffix rules`)")


def selection(key: str) -> list[type[Rule]]:
    """The rules ``--select`` / ``--ignore`` mean by ``key``: ``ALL``, a code
    (``TFX101``) or name, or a code prefix (``TFX1``: every TFX1xx), as ruff
    reads its selectors."""
    wanted = key.strip().upper()
    if wanted == "ALL":
        return list(rule_classes())
    try:
        return [resolve(key)]
    except ValueError:
        prefixed = [cls for cls in rule_classes() if wanted.startswith("TFX") and cls.code.startswith(wanted)]
        if not prefixed:
            raise ValueError(
                f"unknown rule {key!r}: not a code, a name, a code prefix or ALL (see `tffix rules`)"
            ) from None
        return prefixed
