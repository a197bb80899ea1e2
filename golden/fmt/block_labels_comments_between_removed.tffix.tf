resource /* kind */ "aws_instance" /* name */ "web" /* kept */ {
}
data "aws_ami" /* between */ "ubuntu" {
}
