resource "aws_iam_user" "team" {
  count    = var.create ? 1 : 0
  for_each = toset(var.users)
  name     = each.key
}
