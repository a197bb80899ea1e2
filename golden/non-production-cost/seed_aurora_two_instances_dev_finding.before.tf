variable "environment_suffix" {
  type    = string
  default = "dev"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "aurora-cluster-${var.environment_suffix}"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster_instance" "main" {
  count              = 2 # Always creates 2 instances
  identifier         = "aurora-instance-${var.environment_suffix}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = var.rds_instance_class
  engine             = aws_rds_cluster.main.engine
}
