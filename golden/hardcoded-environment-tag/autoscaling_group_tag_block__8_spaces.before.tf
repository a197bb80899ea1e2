variable "environment" {
        type    = string
        default = "prod"
}

resource "aws_autoscaling_group" "web" {
        name                = "web"
        min_size            = 1
        max_size            = 3
        vpc_zone_identifier = var.subnet_ids

        launch_template {
                id      = aws_launch_template.web.id
                version = "$Latest"
        }

        tag {
                key                 = "Name"
                value               = "web"
                propagate_at_launch = true
        }

        tag {
                key                 = "Environment"
                value               = "prod"
                propagate_at_launch = true
        }
}
