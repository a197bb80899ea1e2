resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = false
}

resource "aws_rds_cluster_instance" "reader" {
  publicly_accessible = false # legacy string
}
