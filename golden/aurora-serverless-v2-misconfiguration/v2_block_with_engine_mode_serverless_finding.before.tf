resource "aws_rds_cluster" "main" {
  cluster_identifier          = "app-aurora"
  engine                      = "aurora-postgresql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 4
  }
}
