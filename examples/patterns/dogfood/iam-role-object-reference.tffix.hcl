# TFX108 (iam-role-object-reference) written as a pattern rule: the built-in
# rule's golden cases give the same output with it (tests/test_patterns_dogfood.py).
# Each pattern block is one of the arguments the rule knows, for a role
# written as `aws_iam_role.NAME` or `aws_iam_role.NAME[KEY]`.
rule "iam-role-object-reference-pattern" {
  code        = "DOG108"
  message     = "`$K` of $T.$N wants a role name or ARN, not the role object"
  description = "Whole IAM role object where a role name or ARN is required"
  severity    = "error"
  safety      = "safe"

  pattern "role names" {
    message = "`role` of $T.$N wants a role name, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        role = $REF.name
      }
    }
    where {
      T   = ["aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile"]
      REF = match(aws_iam_role.$R)
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
    message = "`roles` of $T.$N wants a role name, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        roles = [$...A, $REF, $...B]
      }
    }
    replace {
      resource "$T" "$N" {
        roles = [$...A, $REF.name, $...B]
      }
    }
    where {
      T   = ["aws_iam_policy_attachment"]
      REF = match(aws_iam_role.$R)
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
    message = "`role` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        role = $REF.arn
      }
    }
    where {
      T   = ["aws_lambda_function", "aws_glue_crawler"]
      REF = match(aws_iam_role.$R)
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
    message = "`service_role` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        service_role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        service_role = $REF.arn
      }
    }
    where {
      T   = ["aws_codebuild_project"]
      REF = match(aws_iam_role.$R)
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
    message = "`service_access_role` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        service_access_role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        service_access_role = $REF.arn
      }
    }
    where {
      T   = ["aws_dms_endpoint"]
      REF = match(aws_iam_role.$R)
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

  pattern "any role_arn" {
    message = "`$K` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      $K = $REF
    }
    replace {
      $K = $REF.arn
    }
    inside {
      resource "$T" "$N" {}
    }
    not_inside {
      lifecycle {}
    }
    where {
      K   = regex("role_arn$")
      REF = match(aws_iam_role.$R)
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
    message = "`role` of $T.$N wants a role name, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        role = $REF.name
      }
    }
    where {
      T   = ["aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile"]
      REF = match(aws_iam_role.$R[$_])
    }
  }

  pattern "role name lists (indexed)" {
    message = "`roles` of $T.$N wants a role name, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        roles = [$...A, $REF, $...B]
      }
    }
    replace {
      resource "$T" "$N" {
        roles = [$...A, $REF.name, $...B]
      }
    }
    where {
      T   = ["aws_iam_policy_attachment"]
      REF = match(aws_iam_role.$R[$_])
    }
  }

  pattern "role ARNs (indexed)" {
    message = "`role` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        role = $REF.arn
      }
    }
    where {
      T   = ["aws_lambda_function", "aws_glue_crawler"]
      REF = match(aws_iam_role.$R[$_])
    }
  }

  pattern "service role ARNs (indexed)" {
    message = "`service_role` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        service_role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        service_role = $REF.arn
      }
    }
    where {
      T   = ["aws_codebuild_project"]
      REF = match(aws_iam_role.$R[$_])
    }
  }

  pattern "service access role ARNs (indexed)" {
    message = "`service_access_role` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      resource "$T" "$N" {
        service_access_role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        service_access_role = $REF.arn
      }
    }
    where {
      T   = ["aws_dms_endpoint"]
      REF = match(aws_iam_role.$R[$_])
    }
  }

  pattern "any role_arn (indexed)" {
    message = "`$K` of $T.$N wants a role arn, not the role object `$REF`"
    match {
      $K = $REF
    }
    replace {
      $K = $REF.arn
    }
    inside {
      resource "$T" "$N" {}
    }
    not_inside {
      lifecycle {}
    }
    where {
      K   = regex("role_arn$")
      REF = match(aws_iam_role.$R[$_])
    }
  }

  pattern "role names (counted role)" {
    message = "`role` of $T.$N wants a role name, not the role object `$REF` (the role has count/for_each: pick an instance)"
    at      = $REF
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    where {
      T   = ["aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile"]
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "role name lists (counted role)" {
    message = "`roles` of $T.$N wants a role name, not the role object `$REF` (the role has count/for_each: pick an instance)"
    at      = $REF
    match {
      resource "$T" "$N" {
        roles = [$...A, $REF, $...B]
      }
    }
    where {
      T   = ["aws_iam_policy_attachment"]
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "role ARNs (counted role)" {
    message = "`role` of $T.$N wants a role arn, not the role object `$REF` (the role has count/for_each: pick an instance)"
    at      = $REF
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    where {
      T   = ["aws_lambda_function", "aws_glue_crawler"]
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "service role ARNs (counted role)" {
    message = "`service_role` of $T.$N wants a role arn, not the role object `$REF` (the role has count/for_each: pick an instance)"
    at      = $REF
    match {
      resource "$T" "$N" {
        service_role = $REF
      }
    }
    where {
      T   = ["aws_codebuild_project"]
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "service access role ARNs (counted role)" {
    message = "`service_access_role` of $T.$N wants a role arn, not the role object `$REF` (the role has count/for_each: pick an instance)"
    at      = $REF
    match {
      resource "$T" "$N" {
        service_access_role = $REF
      }
    }
    where {
      T   = ["aws_dms_endpoint"]
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
    }
  }

  pattern "any role_arn (counted role)" {
    message = "`$K` of $T.$N wants a role arn, not the role object `$REF` (the role has count/for_each: pick an instance)"
    at      = $REF
    match {
      $K = $REF
    }
    inside {
      resource "$T" "$N" {}
    }
    not_inside {
      lifecycle {}
    }
    where {
      K   = regex("role_arn$")
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
      resource "aws_iam_role" "$R" {
        for_each = $_
      }
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
