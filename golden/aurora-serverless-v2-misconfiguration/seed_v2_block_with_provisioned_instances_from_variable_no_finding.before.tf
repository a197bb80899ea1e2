variable "environment_suffix" {
  type = string
}

variable "rds_instance_class" {
  type    = string
  default = "db.t3.micro"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "aurora-cluster-${var.environment_suffix}"
  engine                      = "aurora-postgresql"
  engine_mode                 = "provisioned"
  master_username             = "dbadmin"
  manage_master_user_password = true
  skip_final_snapshot         = true

  serverlessv2_scaling_configuration {
    max_capacity = 2.0
    min_capacity = 0.5
  }
}

resource "aws_rds_cluster_instance" "main" {
  count              = 2
  identifier         = "aurora-instance-${var.environment_suffix}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = var.rds_instance_class
  engine             = aws_rds_cluster.main.engine
  engine_version     = aws_rds_cluster.main.engine_version
}
