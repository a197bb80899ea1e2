variable "subnet_ids" {
  type = list(string)
}

resource "aws_db_instance" "main" {
  count          = length(var.subnet_ids) == 0 ? 0 : 1
  instance_class = "db.t3.micro"
}
