resource "aws_instance" "web" {
	ami           = data.aws_ami.al2.id
	instance_type = "t3.micro"
	user_data     = base64encode(local.bootstrap) # cloud-init

	root_block_device {
		volume_size = 20
	}
}
