resource "aws_launch_configuration" "app" {
  name_prefix     = "app-"
  image_id        = data.aws_ami.al2.id
  instance_type   = "t3.micro"
  security_groups = [aws_security_group.app.id]
  user_data       = base64encode(file("${path.module}/init.sh"))

  lifecycle {
    create_before_destroy = true
  }
}
