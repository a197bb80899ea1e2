resource "aws_iam_role" "app" {
    name               = "app"
    assume_role_policy = data.aws_iam_policy_document.assume.json

    inline_policy {
        name = "static"
    }

    dynamic "inline_policy" {
        for_each = var.read_policies
        content {
            name   = inline_policy.key
            policy = inline_policy.value
        }
    }

    dynamic "inline_policy" {
        for_each = var.write_policies
        content {
            name   = inline_policy.key
            policy = inline_policy.value
        }
    }
}
