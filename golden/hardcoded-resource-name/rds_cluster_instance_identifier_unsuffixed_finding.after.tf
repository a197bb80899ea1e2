variable "environment_suffix" {
  type = string
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "aurora-cluster-${var.environment_suffix}"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "main" {
  identifier         = "aurora-instance-1-${var.environment_suffix}"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}
