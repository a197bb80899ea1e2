resource "aws_rds_cluster_instance" "writer" {
  identifier         = "app-writer"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
