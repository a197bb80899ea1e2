provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_role" "backup" {
  name               = "backup"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = {
    AWSBackupServiceRolePolicyForBackup   = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
    AWSBackupServiceRolePolicyForRestores = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
  }

  role       = aws_iam_role.backup.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "backup_extra" {
  role   = aws_iam_role.backup.name
  name   = "extra"
  policy = data.aws_iam_policy_document.extra.json
}

import {
  to = aws_iam_role_policy_attachment.backup["AWSBackupServiceRolePolicyForBackup"]
  id = "${aws_iam_role.backup.name}/arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

import {
  to = aws_iam_role_policy_attachment.backup["AWSBackupServiceRolePolicyForRestores"]
  id = "${aws_iam_role.backup.name}/arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
}

import {
  to = aws_iam_role_policy.backup_extra
  id = "${aws_iam_role.backup.name}:extra"
}
