variable "environment" {
  type    = string
  default = "production"
}

resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = var.ami_id
  instance_type = "t3.micro"

  tag_specifications {
    resource_type = "instance"

    tags = {
      Name        = "web"
      Environment = "production"
    }
  }

  tag_specifications {
    resource_type = "volume"

    tags = {
      Environment = "production"
    }
  }
}
