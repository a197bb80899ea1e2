resource "aws_rds_cluster" "serverless" {
  cluster_identifier          = "app-serverless"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 2
  }
}

resource "aws_rds_cluster" "provisioned" {
  cluster_identifier          = "app-provisioned"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "serverless" {
  cluster_identifier = aws_rds_cluster.serverless.cluster_identifier
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.serverless.engine
}

resource "aws_rds_cluster_instance" "provisioned" {
  cluster_identifier = aws_rds_cluster.provisioned.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.provisioned.engine
}
