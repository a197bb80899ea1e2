"""The explicit list of rules. Codes never change meaning; a retired rule's
code is never reused."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..rule import Codemod
from .base import Rule

__all__ = ["codemod_classes", "resolve", "rule_classes", "selection"]


def codemod_classes() -> tuple[type[Codemod], ...]:
    """tffix's own codemods (``tffix codemod --list`` adds the plugins')."""
    from .aws_s3_bucket_v4 import AwsS3BucketV4

    return (AwsS3BucketV4,)


def rule_classes() -> tuple[type[Rule], ...]:
    from .aurora_serverless_v2_misconfiguration import AuroraServerlessV2Misconfiguration
    from .backend_with_dynamic_values import BackendWithDynamicValues
    from .block_attribute_confusion import BlockAttributeConfusion
    from .broad_iam_permissions import BroadIamPermissions
    from .count_and_for_each import CountAndForEach
    from .deprecated_argument import DeprecatedArgument
    from .destroy_blocking_database_settings import DestroyBlockingDatabaseSettings
    from .duplicate_map_key import DuplicateMapKey
    from .empty_list_comparison import EmptyListComparison
    from .for_each_over_list import ForEachOverList
    from .git_module_without_shallow_clone import GitModuleWithoutShallowClone
    from .hardcoded_ami_id import HardcodedAmiId
    from .hardcoded_environment_tag import HardcodedEnvironmentTag
    from .hardcoded_resource_name import HardcodedResourceName
    from .hardcoded_secret import HardcodedSecret
    from .iam_policy_without_document import IamPolicyWithoutDocument
    from .iam_role_managed_policy_arns import IamRoleManagedPolicyArns
    from .iam_role_object_reference import IamRoleObjectReference
    from .instance_key_mismatch import InstanceKeyMismatch
    from .interpolation_only_expression import InterpolationOnlyExpression
    from .lambda_package_outside_terraform import LambdaPackageOutsideTerraform
    from .legacy_index_syntax import LegacyIndexSyntax
    from .legacy_type_constraint import LegacyTypeConstraint
    from .lookup_without_default import LookupWithoutDefault
    from .missing_required_argument import MissingRequiredArgument
    from .missing_required_provider import MissingRequiredProvider
    from .missing_required_version import MissingRequiredVersion
    from .module_call_mismatch import ModuleCallMismatch
    from .non_production_cost import NonProductionCost
    from .nonconforming_name import NonconformingName
    from .nonstandard_module_layout import NonstandardModuleLayout
    from .open_ingress import OpenIngress
    from .placeholder_value import PlaceholderValue
    from .public_lambda_function_url import PublicLambdaFunctionUrl
    from .rds_password_forbidden_characters import RdsPasswordForbiddenCharacters
    from .registry_module_without_version import RegistryModuleWithoutVersion
    from .s3_bucket_v3_arguments import S3BucketV3Arguments
    from .s3_lifecycle_rule_without_filter import S3LifecycleRuleWithoutFilter
    from .slash_comment import SlashComment
    from .timestamp_in_resource_argument import TimestampInResourceArgument
    from .undeclared_reference import UndeclaredReference
    from .undeclared_variable import UndeclaredVariable
    from .undocumented_output import UndocumentedOutput
    from .undocumented_variable import UndocumentedVariable
    from .unknown_argument import UnknownArgument
    from .unknown_attribute_reference import UnknownAttributeReference
    from .unknown_resource_type import UnknownResourceType
    from .unpinned_module_source import UnpinnedModuleSource
    from .untyped_variable import UntypedVariable
    from .unused_declaration import UnusedDeclaration
    from .unused_required_provider import UnusedRequiredProvider
    from .unused_suppression import UnusedSuppression
    from .user_data_base64encode import UserDataBase64encode
    from .version_on_local_module import VersionOnLocalModule
    from .wildcard_log_write_permissions import WildcardLogWritePermissions
    from .workspace_with_remote_backend import WorkspaceWithRemoteBackend
    from .wrong_value_kind import WrongValueKind

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
        HardcodedSecret,
        BroadIamPermissions,
        S3BucketV3Arguments,
        LegacyIndexSyntax,
        LookupWithoutDefault,
        EmptyListComparison,
        SlashComment,
        GitModuleWithoutShallowClone,
        UnusedDeclaration,
        MissingRequiredProvider,
        UntypedVariable,
        UndocumentedVariable,
        UndocumentedOutput,
        MissingRequiredVersion,
        RegistryModuleWithoutVersion,
        UnpinnedModuleSource,
        WorkspaceWithRemoteBackend,
        DuplicateMapKey,
        UnusedRequiredProvider,
        NonconformingName,
        NonstandardModuleLayout,
        UnknownResourceType,
        UnknownArgument,
        MissingRequiredArgument,
        BlockAttributeConfusion,
        DeprecatedArgument,
        WrongValueKind,
        UnknownAttributeReference,
        UndeclaredVariable,
        UndeclaredReference,
        ModuleCallMismatch,
        VersionOnLocalModule,
        ForEachOverList,
        CountAndForEach,
        InstanceKeyMismatch,
    )


def resolve(key: str, classes: Sequence[type[Rule]] | None = None) -> type[Rule]:
    """The rule with this code (``TFX101``) or name (``hardcoded-environment-tag``)
    among ``classes`` (default: the built-in rules; a run with plugins passes
    its catalogue's)."""
    wanted = key.strip()
    for cls in rule_classes() if classes is None else classes:
        if wanted.upper() == cls.code or wanted.lower() == cls.name:
            return cls
    raise ValueError(f"unknown rule {key!r} (see `tffix rules`)")


#: a code prefix: letters, then at most two digits (``TFX1``, ``ACME``, ``ACME00``)
_PREFIX = re.compile(r"^[A-Z]{2,6}\d{0,2}$")


def selection(key: str, classes: Sequence[type[Rule]] | None = None) -> list[type[Rule]]:
    """The rules ``--select`` / ``--ignore`` mean by ``key``: ``ALL``, a code
    (``TFX101``) or name, or a code prefix (``TFX1``: every TFX1xx; a
    plugin's ``ACME``), as ruff reads its selectors. ``classes`` as in
    ``resolve``."""
    known = rule_classes() if classes is None else classes
    wanted = key.strip().upper()
    if wanted == "ALL":
        return list(known)
    try:
        return [resolve(key, known)]
    except ValueError:
        prefixed = [cls for cls in known if _PREFIX.match(wanted) and cls.code.startswith(wanted)]
        if not prefixed:
            raise ValueError(
                f"unknown rule {key!r}: not a code, a name, a code prefix or ALL (see `tffix rules`)"
            ) from None
        return prefixed
