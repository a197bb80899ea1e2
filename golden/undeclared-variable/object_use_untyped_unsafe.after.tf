variable "name" {
  type = string
}

resource "aws_db_instance" "main" {
  identifier     = var.name
  engine         = var.database.engine
  instance_class = var.database["class"]
}

variable "database" {
  type = any
}
