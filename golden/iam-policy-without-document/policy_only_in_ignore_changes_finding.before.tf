resource "aws_iam_policy" "managed_elsewhere" {
  name = "managed-elsewhere"

  lifecycle {
    ignore_changes = [policy]
  }
}
