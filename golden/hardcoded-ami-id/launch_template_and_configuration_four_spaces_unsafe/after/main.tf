resource "aws_launch_template" "app" {
    name_prefix   = "app-"
    image_id      = var.app_image_id
    instance_type = "t3.small"
}

resource "aws_launch_configuration" "legacy-workers" {
    image_id      = var.legacy_workers_image_id
    instance_type = "t3.small"
}
