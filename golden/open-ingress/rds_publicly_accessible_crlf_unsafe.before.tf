resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = true
}

resource "aws_rds_cluster_instance" "reader" {
  publicly_accessible = "true" # legacy string
}
