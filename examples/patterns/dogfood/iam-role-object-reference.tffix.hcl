# TFX108 (iam-role-object-reference) written as a pattern rule: the built-in
# rule's golden cases give the same output with it (tests/test_patterns_dogfood.py).
rule "iam-role-object-reference-pattern" {
  code        = "DOG108"
  message     = "`$K` of $T.$N wants a role name or ARN, not the role object"
  description = "Whole IAM role object where a role name or ARN is required"
  severity    = "error"
  safety      = "safe"

  pattern "role names" {
    message = "`role` of $T.$N wants a role name, not the role object `aws_iam_role.$R`"
    match {
      resource "$T" "$N" {
        role = aws_iam_role.$R
      }
    }
    replace {
      resource "$T" "$N" {
        role = aws_iam_role.$R.name
      }
    }
    where {
      T = ["aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile"]
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "role name lists" {
    message = "`roles` of $T.$N wants a role name, not the role object `aws_iam_role.$R`"
    match {
      resource "$T" "$N" {
        roles = [$...A, aws_iam_role.$R, $...B]
      }
    }
    replace {
      resource "$T" "$N" {
        roles = [$...A, aws_iam_role.$R.name, $...B]
      }
    }
    where {
      T = ["aws_iam_policy_attachment"]
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "role ARNs" {
    message = "`role` of $T.$N wants a role arn, not the role object `aws_iam_role.$R`"
    match {
      resource "$T" "$N" {
        role = aws_iam_role.$R
      }
    }
    replace {
      resource "$T" "$N" {
        role = aws_iam_role.$R.arn
      }
    }
    where {
      T = ["aws_lambda_function", "aws_glue_crawler"]
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "service role ARNs" {
    message = "`service_role` of $T.$N wants a role arn, not the role object `aws_iam_role.$R`"
    match {
      resource "$T" "$N" {
        service_role = aws_iam_role.$R
      }
    }
    replace {
      resource "$T" "$N" {
        service_role = aws_iam_role.$R.arn
      }
    }
    where {
      T = ["aws_codebuild_project"]
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "service access role ARNs" {
    message = "`service_access_role` of $T.$N wants a role arn, not the role object `aws_iam_role.$R`"
    match {
      resource "$T" "$N" {
        service_access_role = aws_iam_role.$R
      }
    }
    replace {
      resource "$T" "$N" {
        service_access_role = aws_iam_role.$R.arn
      }
    }
    where {
      T = ["aws_dms_endpoint"]
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "role names (indexed)" {
    message = "`role` of $T.$N wants a role name, not the role object `aws_iam_role.$R[$I]`"
    match {
      resource "$T" "$N" {
        role = aws_iam_role.$R[$I]
      }
    }
    replace {
      resource "$T" "$N" {
        role = aws_iam_role.$R[$I].name
      }
    }
    where {
      T = ["aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile"]
    }
  }

  pattern "role name lists (indexed)" {
    message = "`roles` of $T.$N wants a role name, not the role object `aws_iam_role.$R[$I]`"
    match {
      resource "$T" "$N" {
        roles = [$...A, aws_iam_role.$R[$I], $...B]
      }
    }
    replace {
      resource "$T" "$N" {
        roles = [$...A, aws_iam_role.$R[$I].name, $...B]
      }
    }
    where {
      T = ["aws_iam_policy_attachment"]
    }
  }

  pattern "role ARNs (indexed)" {
    message = "`role` of $T.$N wants a role arn, not the role object `aws_iam_role.$R[$I]`"
    match {
      resource "$T" "$N" {
        role = aws_iam_role.$R[$I]
      }
    }
    replace {
      resource "$T" "$N" {
        role = aws_iam_role.$R[$I].arn
      }
    }
    where {
      T = ["aws_lambda_function", "aws_glue_crawler"]
    }
  }

  pattern "service role ARNs (indexed)" {
    message = "`service_role` of $T.$N wants a role arn, not the role object `aws_iam_role.$R[$I]`"
    match {
      resource "$T" "$N" {
        service_role = aws_iam_role.$R[$I]
      }
    }
    replace {
      resource "$T" "$N" {
        service_role = aws_iam_role.$R[$I].arn
      }
    }
    where {
      T = ["aws_codebuild_project"]
    }
  }

  pattern "service access role ARNs (indexed)" {
    message = "`service_access_role` of $T.$N wants a role arn, not the role object `aws_iam_role.$R[$I]`"
    match {
      resource "$T" "$N" {
        service_access_role = aws_iam_role.$R[$I]
      }
    }
    replace {
      resource "$T" "$N" {
        service_access_role = aws_iam_role.$R[$I].arn
      }
    }
    where {
      T = ["aws_dms_endpoint"]
    }
  }

  pattern "any role_arn" {
    message = "`$K` of $T.$N wants a role arn, not the role object `aws_iam_role.$R`"
    match {
      $K = aws_iam_role.$R
    }
    replace {
      $K = aws_iam_role.$R.arn
    }
    inside {
      resource "$T" "$N" {}
    }
    not_inside {
      lifecycle {}
    }
    where {
      K = regex("role_arn$")
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "any role_arn (indexed)" {
    message = "`$K` of $T.$N wants a role arn, not the role object `aws_iam_role.$R[$I]`"
    match {
      $K = aws_iam_role.$R[$I]
    }
    replace {
      $K = aws_iam_role.$R[$I].arn
    }
    inside {
      resource "$T" "$N" {}
    }
    not_inside {
      lifecycle {}
    }
    where {
      K = regex("role_arn$")
    }
  }

  example "lambda role gets the ARN, comment kept" {
    before = <<-EOT
      resource "aws_lambda_function" "a" {
        role = aws_iam_role.x[0] # exec
      }
    EOT
    after  = <<-EOT
      resource "aws_lambda_function" "a" {
        role = aws_iam_role.x[0].arn # exec
      }
    EOT
  }
  example "a list of roles" {
    before = <<-EOT
      resource "aws_iam_policy_attachment" "a" {
        roles = [aws_iam_role.x, aws_iam_role.y.name]
      }
    EOT
    after  = <<-EOT
      resource "aws_iam_policy_attachment" "a" {
        roles = [aws_iam_role.x.name, aws_iam_role.y.name]
      }
    EOT
  }
  example "module outputs are not roles" {
    before = <<-EOT
      resource "aws_iam_role_policy" "a" {
        role   = module.iam.role
        policy = "{}"
      }
    EOT
  }
}
