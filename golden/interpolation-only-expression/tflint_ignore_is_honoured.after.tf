resource "aws_instance" "web" {
  # tflint-ignore: terraform_deprecated_interpolation
  ami           = "${var.ami}"
  instance_type = var.type
}
