from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    function_calls,
    is_identifier,
    parse_block,
    parse_expression,
    references,
    template_text,
    traversal,
)
from ..cst import nodes as n

__all__ = ["LambdaPackageOutsideTerraform"]

RESOURCES = ("aws_lambda_function", "aws_lambda_layer_version")


class LambdaPackageOutsideTerraform(Rule):
    """Lambda deployment package that must be built before Terraform runs

    ## What it does
    Finds `aws_lambda_function` and `aws_lambda_layer_version` whose
    `filename` (or `filebase64sha256(...)` in `source_code_hash`) names a
    `.zip` that is not in the module's folder.

    ## Why is this bad?
    The archive comes from a build step outside Terraform. On a fresh checkout
    or in CI, `plan` fails with "no such file", and a stale zip deploys old
    code without anyone noticing. `data "archive_file"` builds the archive
    during the plan from the sources in the repository.

    ## Example
    ```hcl
    resource "aws_lambda_function" "main" {
      function_name    = "app"
      filename         = "${path.module}/lambda/function.zip"
      source_code_hash = filebase64sha256("${path.module}/lambda/function.zip")
    }
    ```

    Use instead:
    ```hcl
    data "archive_file" "main" {
      type        = "zip"
      source_dir  = "${path.module}/lambda/src"
      output_path = "${path.module}/lambda/function.zip"
    }

    resource "aws_lambda_function" "main" {
      function_name    = "app"
      filename         = data.archive_file.main.output_path
      source_code_hash = data.archive_file.main.output_base64sha256
    }
    ```

    ## Fix safety
    Display-only unless the `sources` option maps the zip (as written after
    `${path.module}/`) to its source folder, e.g.
    `sources = { "lambda/function.zip" = "lambda/src" }`; then the fix adds
    the `archive_file` data source and points the function at it. It is
    unsafe: the archive tffix cannot see may differ from what the sources
    build, so the code hash, and the deployed code, can change. No finding
    when the zip is committed.

    ## References
    - https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#filename
    """

    code = "TFX115"
    name = "lambda-package-outside-terraform"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {
        "sources": Option({}, "Map of zip path (relative to the module) to the folder it is built from.")
    }

    valid = (
        (
            'data "archive_file" "a" {\n  type        = "zip"\n  source_dir  = "src"\n  output_path = "a.zip"\n}\n\n'
            'resource "aws_lambda_function" "a" {\n  filename = data.archive_file.a.output_path\n}\n'
        ),
        'resource "aws_lambda_function" "a" {\n  s3_bucket = "artifacts"\n  s3_key    = "a.zip"\n}\n',
    )
    invalid = (
        Example('resource "aws_lambda_function" "a" {\n  filename = "build/a.zip"\n}\n'),
        Example(
            'resource "aws_lambda_function" "a" {\n  filename         = "${path.module}/a.zip"\n'
            '  source_code_hash = filebase64sha256("${path.module}/a.zip")\n}\n',
            'data "archive_file" "a" {\n  type        = "zip"\n  source_dir  = "${path.module}/src"\n'
            '  output_path = "${path.module}/a.zip"\n}\n\n'
            'resource "aws_lambda_function" "a" {\n  filename         = data.archive_file.a.output_path\n'
            "  source_code_hash = data.archive_file.a.output_base64sha256\n}\n",
            unsafe=True,
            options={"sources": {"a.zip": "src"}},
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        built = _built(module)  # zip path -> the archive_file that writes it
        claimed: dict[str, str] = {}  # this pass's new archive_file names, by zip path
        for kind in RESOURCES:
            for file, block in module.blocks("resource", kind):
                attr = block.body.attribute("filename")
                zip_path = _zip(attr.value) if attr is not None else None
                hash_attr = block.body.attribute("source_code_hash")
                if zip_path is None and hash_attr is not None:
                    calls = [
                        c for c in function_calls(hash_attr.value) if c.function_name == "filebase64sha256" and c.args
                    ]
                    zip_path = _zip(calls[0].args[0].value) if calls else None
                    attr = hash_attr if zip_path is not None else attr
                if zip_path is None or attr is None or _committed(module, zip_path):
                    continue
                if zip_path in built:
                    diag = self._use_builder(module, file, block, attr, zip_path, built[zip_path])
                    if diag is not None:
                        yield diag
                    continue
                yield self._finding(module, file, block, attr, zip_path, claimed)

    def _use_builder(
        self, module: TerraformModule, file: SourceFile, block: n.Block, attr: n.Attribute, zip_path: str, name: str
    ) -> Diagnostic | None:
        """The zip is an archive_file's output: fine when the function refers
        to that data source (so Terraform builds it first), else repoint it."""
        if any(ref[:3] == ("data", "archive_file", name) for ref in references(block)):
            return None
        label = ".".join(block.label_values[:2])
        message = (
            f'{label}: "{zip_path}" is built by data.archive_file.{name}; refer to it so Terraform builds it first'
        )
        rewrite = FixBuilder(module, file)
        if not _repoint(rewrite, block, name):
            return module.diagnostic(self, file, attr.value, message)
        return module.diagnostic(
            self, file, attr.value, message, fix=rewrite.build(f"Use data.archive_file.{name}", Applicability.SAFE)
        )

    def _finding(
        self,
        module: TerraformModule,
        file: SourceFile,
        block: n.Block,
        attr: n.Attribute,
        zip_path: str,
        claimed: dict[str, str],
    ) -> Diagnostic:
        label = ".".join(block.label_values[:2])
        message = f'{label}: "{zip_path}" is not in the repository; build it with data "archive_file"'
        source = self.settings["sources"].get(zip_path)
        name = block.label_values[1]
        if source is None:
            return module.diagnostic(
                self, file, attr.value, message + ' (map its source folder with the "sources" option to fix it)'
            )
        if zip_path in claimed:  # another function's fix builds it in this pass; the next pass repoints this one
            return module.diagnostic(
                self, file, attr.value, message + f" (data.archive_file.{claimed[zip_path]} will build it)"
            )
        taken = any(True for _ in module.blocks("data", "archive_file", name)) or name in claimed.values()
        if taken or block.body.attribute("filename") is None or not is_identifier(name):
            if taken:
                why = f"data.archive_file.{name} exists already"
            else:
                why = "`filename` is not a path" if is_identifier(name) else "its name is not an identifier"
            return module.diagnostic(self, file, attr.value, message + f" ({why}: do it by hand)")
        claimed[zip_path] = name
        folder = source.rstrip("/")
        # the name, the folder and the paths are the user's text: they go into holes, never pasted
        holes = {"name": name, "source": _in_module(source), "output": _in_module(zip_path)}
        if zip_path.startswith(folder) and zip_path[len(folder) : len(folder) + 1] == "/":
            # a zip written inside its own source folder would be packed into itself
            data = parse_block(_ARCHIVE_EXCLUDING, **holes, excluded=zip_path[len(folder) + 1 :])
        else:
            data = parse_block(_ARCHIVE, **holes)
        rewrite = FixBuilder(module, file)
        rewrite.insert_before(block, data)
        _repoint(rewrite, block, name)
        return module.diagnostic(
            self,
            file,
            attr.value,
            message,
            fix=rewrite.build('Build it with data "archive_file"', Applicability.UNSAFE),
        )


_ARCHIVE = """data "archive_file" {name} {
  type        = "zip"
  source_dir  = {source}
  output_path = {output}
}"""
_ARCHIVE_EXCLUDING = """data "archive_file" {name} {
  type        = "zip"
  source_dir  = {source}
  output_path = {output}
  excludes    = [{excluded}]
}"""


def _in_module(relative: str) -> n.Expression:
    """``"${path.module}/<relative>"``, with ``relative`` escaped into the string."""
    return parse_expression('"${path.module}/{0}"', relative)


def _repoint(rewrite: FixBuilder, block: n.Block, name: str) -> bool:
    """Point the function's zip arguments at data.archive_file.<name>; whether anything changed."""
    if not is_identifier(name):  # Terraform refers to a data source by a name only
        return False
    changed = False
    filename = block.body.attribute("filename")
    if filename is not None and _zip(filename.value) is not None:
        rewrite.replace(filename.value, parse_expression("data.archive_file.{0}.output_path", name))
        changed = True
    hash_attr = block.body.attribute("source_code_hash")
    if hash_attr is not None and any(c.function_name == "filebase64sha256" for c in function_calls(hash_attr.value)):
        rewrite.replace(hash_attr.value, parse_expression("data.archive_file.{0}.output_base64sha256", name))
        changed = True
    return changed


def _built(module: TerraformModule) -> dict[str, str]:
    out: dict[str, str] = {}
    for _, data in module.blocks("data", "archive_file"):
        path = data.body.attribute("output_path")
        zip_path = _zip(path.value) if path is not None else None
        if zip_path is not None and len(data.labels) > 1:
            out.setdefault(zip_path, data.label_values[1])
    return out


def _zip(expr: n.Node) -> str | None:
    """The zip's path relative to the module, for `"x.zip"` and `"${path.module}/x.zip"`."""
    if type(expr) is not n.Template:
        return None
    parts, prefix = list(expr.parts), ""
    if parts and type(parts[0]) is n.Interpolation and traversal(parts[0].expr) == ("path", "module"):
        parts, prefix = parts[1:], "/"  # "${path.module}/x.zip" names the same file as "x.zip"
    # the path as Terraform reads it, escapes decoded (None when it interpolates)
    text = template_text(expr.with_changes(parts=tuple(parts))) if parts else None
    if text is None or not text.startswith(prefix) or not text.endswith(".zip"):
        return None
    return text[len(prefix) :]


def _committed(module: TerraformModule, zip_path: str) -> bool:
    path = module.directory / Path(zip_path)
    return path in module.existing or module.inputs.path_exists(path)
