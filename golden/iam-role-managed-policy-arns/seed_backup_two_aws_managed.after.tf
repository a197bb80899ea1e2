resource "aws_iam_role" "backup" {
  name               = "backup-role"
  assume_role_policy = data.aws_iam_policy_document.backup_assume.json
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = {
    AWSBackupServiceRolePolicyForBackup   = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
    AWSBackupServiceRolePolicyForRestores = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
  }

  role       = aws_iam_role.backup.name
  policy_arn = each.value
}
