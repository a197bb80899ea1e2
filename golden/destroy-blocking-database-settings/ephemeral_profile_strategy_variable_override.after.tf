variable "deletion_protection" {
  description = "Protect the database from deletion."
  type        = bool
  default     = true
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier  = "app-docdb"
  engine              = "docdb"
  master_username     = "app"
  master_password     = random_password.db.result
  deletion_protection = var.deletion_protection
}
