resource "aws_instance" "web" {
  image_id_from_variable = var.ami # golden image
  instance_type          = "t3.micro"
}
