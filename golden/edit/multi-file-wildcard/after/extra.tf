resource "aws_instance" "extra" {
	ami = "ami-456"

	tags = {
		Name = "extra"
	}
}
