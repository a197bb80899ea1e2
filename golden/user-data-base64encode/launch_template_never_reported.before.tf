resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = data.aws_ami.al2.id
  instance_type = "t3.micro"
  user_data     = base64encode(templatefile("${path.module}/init.sh", { app = "web" }))
}
