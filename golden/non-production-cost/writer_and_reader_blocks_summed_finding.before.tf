variable "stage" {
  type    = string
  default = "QA"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "app-${var.stage}"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "app-${var.stage}-writer"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.main.engine
}

resource "aws_rds_cluster_instance" "reader" {
  identifier         = "app-${var.stage}-reader"
  cluster_identifier = aws_rds_cluster.main.cluster_identifier
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.main.engine
}
