resource "aws_kms_key" "data" {
  description = "data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "RootAccount"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
  }

  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
  }

  statement {
    actions   = ["s3:ListAllMyBuckets", "ec2:Describe*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy_attachment" "readonly" {
  role       = aws_iam_role.audit.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_policy" "deny_admin_attach" {
  name = "deny-admin-attach"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Deny"
        Action   = "iam:AttachRolePolicy"
        Resource = "*"
        Condition = {
          ArnEquals = { "iam:PolicyARN" = "arn:aws:iam::aws:policy/AdministratorAccess" }
        }
      },
    ]
  })
}
