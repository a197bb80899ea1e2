provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Environment    = "production"
      Project        = var.project_name
      MigrationPhase = var.migration_phase
      ManagedBy      = "Terraform"
      Suffix         = var.environment_suffix
    }
  }
}

variable "environment_suffix" {
  type = string
}

resource "aws_backup_plan" "main" {
  name = "backup-plan-${var.environment_suffix}"

  rule {
    rule_name         = "daily-backup-rule"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 * * ? *)"

    recovery_point_tags = {
      Environment = "production"
      Project     = var.project_name
      BackupType  = "daily"
    }
  }
}

resource "aws_backup_selection" "rds" {
  name         = "backup-selection-rds-${var.environment_suffix}"
  plan_id      = aws_backup_plan.main.id
  iam_role_arn = aws_iam_role.backup.arn

  resources = [
    aws_rds_cluster.main.arn
  ]

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Environment"
    value = "production"
  }
}
