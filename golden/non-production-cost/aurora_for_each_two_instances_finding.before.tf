variable "environment" {
  type    = string
  default = "test"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "app-${var.environment}"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "main" {
  for_each           = toset(["writer", "reader"])
  identifier         = "app-${var.environment}-${each.key}"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.t4g.medium"
  engine             = aws_rds_cluster.main.engine
}
