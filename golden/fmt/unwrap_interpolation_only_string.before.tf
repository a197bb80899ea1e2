resource "aws_instance" "web" {
  ami = "${var.ami}"
  subnet_id = "${ element(var.subnets, 0) }"
}
