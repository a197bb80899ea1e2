resource "aws_launch_template" "app" {
    name_prefix   = "app-"
    image_id      = "ami-09d56f8956ab235b3"
    instance_type = "t3.small"
}

resource "aws_launch_configuration" "legacy-workers" {
    image_id      = "ami-0a1b2c3d4e5f60718"
    instance_type = "t3.small"
}
