resource "aws_instance" "web" /* kept */ {
}
data "aws_ami" "ubuntu" {
}
