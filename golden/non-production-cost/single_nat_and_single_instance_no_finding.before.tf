variable "environment" {
  type    = string
  default = "dev"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[0].id
}

resource "aws_nat_gateway" "counted_one" {
  count         = 1
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[1].id
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "app-${var.environment}"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "app-${var.environment}-writer"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.t4g.medium"
  engine             = aws_rds_cluster.main.engine
}

resource "aws_rds_cluster_instance" "disabled_reader" {
  count              = 0
  identifier         = "app-${var.environment}-reader"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.t4g.medium"
  engine             = aws_rds_cluster.main.engine
}
