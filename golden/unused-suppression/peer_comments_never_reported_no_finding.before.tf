resource "aws_s3_bucket" "a" {
  bucket = "a" # tflint-ignore: aws_iam_role_deprecated_policy_attributes
}
