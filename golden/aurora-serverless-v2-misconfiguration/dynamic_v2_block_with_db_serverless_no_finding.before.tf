variable "serverless_capacity" {
  type = object({
    min = number
    max = number
  })
  default = { min = 0.5, max = 4 }
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "app-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true

  dynamic "serverlessv2_scaling_configuration" {
    for_each = [var.serverless_capacity]
    content {
      min_capacity = serverlessv2_scaling_configuration.value.min
      max_capacity = serverlessv2_scaling_configuration.value.max
    }
  }
}

resource "aws_rds_cluster_instance" "main" {
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.main.engine
}
