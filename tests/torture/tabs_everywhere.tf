resource	"aws_s3_bucket"	"b"	{
	bucket	=	"name"
	tags	= {
		A	=	1
		B =	[	1,	2	]
	}
	count	=	var.n	+	1	# tab before comment	

	nested	{
		x = (	var.a	?	1	:	2	)
	}
}
	indented_top = 1
