resource "aws_instance" "extra" {
	ami = "ami-1"

	tags = {
		Name = "extra"
	}
}
