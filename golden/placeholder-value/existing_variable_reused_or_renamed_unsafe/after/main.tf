variable "ami" {
  type    = string
  default = "ami-0c55b159cbfafe1f0"
}

variable "subnet_id" {
  type = list(string)
}

resource "aws_instance" "a" {
  ami       = var.ami
  subnet_id = var.subnet_id_2
}

variable "subnet_id_2" {
  description = "aws_instance.a subnet_id (the code held a placeholder)."
  type        = string
}
