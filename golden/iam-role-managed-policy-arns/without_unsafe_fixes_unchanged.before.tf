resource "aws_iam_role" "backup" {
  name               = "backup-role"
  assume_role_policy = data.aws_iam_policy_document.backup_assume.json

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
  ]
}
