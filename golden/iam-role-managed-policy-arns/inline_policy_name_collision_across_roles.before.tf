resource "aws_iam_role" "a_b" {
  name               = "a-b"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name   = "c"
    policy = data.aws_iam_policy_document.c.json
  }
}

resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name   = "b_c"
    policy = data.aws_iam_policy_document.b_c.json
  }
}
