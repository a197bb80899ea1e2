variable "ami" {
  type    = string
  default = "ami-0c55b159cbfafe1f0"
}

variable "subnet_id" {
  type = list(string)
}

resource "aws_instance" "a" {
  ami       = "ami-xxxxxxxx"
  subnet_id = "subnet-00000000"
}
