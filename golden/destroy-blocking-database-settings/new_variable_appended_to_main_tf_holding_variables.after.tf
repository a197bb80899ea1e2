variable "deletion_protection" {
  description = "Protect the database from deletion."
  type        = bool
  default     = true
}

resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = random_password.db.result
  deletion_protection = var.deletion_protection
  skip_final_snapshot = var.skip_final_snapshot
}

variable "skip_final_snapshot" {
  description = "Skip the final snapshot on destroy (turn on for destroyable stacks)."
  type        = bool
  default     = false
}
