resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "app-serverless"
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  master_username    = "app"
  master_password    = random_password.db.result

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 2
  }

  tags = {
    Name = "app-serverless"
  }
}
