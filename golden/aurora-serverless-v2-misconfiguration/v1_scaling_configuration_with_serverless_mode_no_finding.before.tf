resource "aws_rds_cluster" "main" {
  cluster_identifier          = "app-aurora"
  engine                      = "aurora-mysql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true

  scaling_configuration {
    auto_pause               = true
    min_capacity             = 1
    max_capacity             = 4
    seconds_until_auto_pause = 300
  }
}
