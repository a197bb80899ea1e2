rule "t2-to-t3" {
  code     = "ACME002"
  message  = "aws_instance.$N uses the previous-generation t2.micro"
  severity = "warning"          # error | warning | info
  safety   = "unsafe"           # safe | unsafe | display-only

  match {
    resource "aws_instance" "$N" {
      instance_type = "t2.micro"
    }
  }
  replace {
    resource "aws_instance" "$N" {
      instance_type = "t3.micro"
    }
  }

  example "t2 becomes t3, comments kept" {
    before = <<-EOT
      resource "aws_instance" "web" {
        ami           = "ami-1" # pinned
        instance_type = "t2.micro"
      }
    EOT
    after = <<-EOT
      resource "aws_instance" "web" {
        ami           = "ami-1" # pinned
        instance_type = "t3.micro"
      }
    EOT
  }
}
