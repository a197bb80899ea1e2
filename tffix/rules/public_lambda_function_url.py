from __future__ import annotations

from collections.abc import Iterator

from ..api import Diagnostic, Example, Rule, Severity, TerraformModule, nested_blocks, string_value
from ..cst import nodes as n

__all__ = ["PublicLambdaFunctionUrl"]


class PublicLambdaFunctionUrl(Rule):
    """Lambda function URL open to anyone

    ## What it does
    Finds `aws_lambda_function_url` with `authorization_type = "NONE"`: a
    URL anyone on the internet can invoke. Worse still when its `cors`
    allows every origin (`allow_origins = ["*"]`), so any web page can call
    it from a visitor's browser; the message says which.

    ## Why is this bad?
    Anyone on the internet can invoke the function, and any web page can call
    it from a visitor's browser: the function pays for and answers every
    request. That is right for a public webhook, rarely for anything else.

    ## Example
    ```hcl
    resource "aws_lambda_function_url" "api" {
      function_name      = aws_lambda_function.api.function_name
      authorization_type = "NONE"

      cors {
        allow_origins = ["*"]
      }
    }
    ```

    Use instead:
    ```hcl
    resource "aws_lambda_function_url" "api" {
      function_name      = aws_lambda_function.api.function_name
      authorization_type = "AWS_IAM"

      cors {
        allow_origins = ["https://app.example.com"]
      }
    }
    ```

    ## Fix safety
    Display-only: callers must sign requests with `AWS_IAM`, and the allowed
    origins are the author's to name.

    ## References
    - https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url
    """

    code = "TFX111"
    name = "public-lambda-function-url"
    severity = Severity.WARNING
    fixable = None

    valid = (
        'resource "aws_lambda_function_url" "a" {\n  authorization_type = "AWS_IAM"\n  cors {\n    allow_origins = ["*"]\n  }\n}\n',
        'resource "aws_lambda_function_url" "a" {\n  authorization_type = var.auth\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_lambda_function_url" "a" {\n  authorization_type = "NONE"\n  cors {\n    allow_origins = ["*"]\n  }\n}\n'
        ),
        Example(
            'resource "aws_lambda_function_url" "a" {\n  authorization_type = "NONE"\n  cors {\n    allow_origins = ["https://x.example"]\n  }\n}\n'
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, block in module.blocks("resource", "aws_lambda_function_url"):
            auth = block.body.attribute("authorization_type")
            if auth is None or string_value(auth.value) != "NONE":
                continue
            label = ".".join(block.label_values[:2])
            if any(_all_origins(cors) for cors in nested_blocks(block.body, "cors")):
                message = f'{label}: anyone can invoke it (authorization_type "NONE"), and any web page from any origin (cors "*")'
            else:
                message = f'{label}: anyone on the internet can invoke it (authorization_type "NONE"); use "AWS_IAM" unless it is a public endpoint'
            yield module.diagnostic(self, file, auth.value, message)


def _all_origins(cors: n.Block) -> bool:
    origins = cors.body.attribute("allow_origins")
    if origins is None or type(origins.value) is not n.Tuple:
        return False
    return any(string_value(e.value) == "*" for e in origins.value.elements)
