resource "aws_backup_plan" "nightly" {
  name = "nightly"

  rule {
    rule_name         = "nightly"
    target_vault_name = "Default"
    schedule          = "cron(0 3 * * ? *)"

    recovery_point_tags = {
      Env = "prd"
    }
  }
}
